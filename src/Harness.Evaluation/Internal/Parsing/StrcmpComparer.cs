namespace Harness.Evaluation.Internal.Parsing;

/// <summary>C's strcmp on byte strings: unsigned bytes, lexicographic.</summary>
internal sealed class StrcmpComparer : IComparer<byte[]>
{
    public static StrcmpComparer Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
