namespace Harness.Evaluation.Internal.Parsing;

/// <summary>Splits a line into white-space separated fields the way trec_eval's readers do.</summary>
internal static class LineFields
{
    /// <summary>
    /// Finds up to <paramref name="starts"/>.Length fields; returns how many were found, and whether the line is blank or a
    /// comment (first non-blank character '#').
    /// </summary>
    public static int Split(ReadOnlySpan<byte> line, Span<int> starts, Span<int> lengths, out bool skip)
    {
        var n = 0;
        var i = 0;
        skip = false;
        while (n < starts.Length)
        {
            while (i < line.Length && CNumber.IsSpace(line[i]))
            {
                i++;
            }

            if (i >= line.Length)
            {
                break;
            }

            if (n == 0 && line[i] == '#')
            {
                skip = true;
                return 0;
            }

            var s = i;
            while (i < line.Length && !CNumber.IsSpace(line[i]))
            {
                i++;
            }

            starts[n] = s;
            lengths[n] = i - s;
            n++;
        }

        skip = n == 0;
        return n;
    }
}
