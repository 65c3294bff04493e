using System.Globalization;

namespace Harness.Evaluation.Tests.Support;

/// <summary>Runs <see cref="TrecEvalCommandLine"/> on text written to temporary files and parses what it prints.</summary>
internal sealed class EvalRun
{
    private EvalRun(int exitCode, string stdout, string stderr, string dir = "")
    {
        Dir = dir;
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
    }

    public int ExitCode { get; }

    /// <summary>For <see cref="Text"/>: the folder (with a trailing separator) that held the files "qrels" and "run".</summary>
    public string Dir { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    /// <summary>Printed lines as (name, qid) → value text.</summary>
    public Dictionary<(string Name, string Query), string> Values
    {
        get
        {
            var d = new Dictionary<(string, string), string>();
            foreach (var line in Lines)
            {
                var parts = line.Split('\t');
                d[(parts[0].TrimEnd(), parts[1])] = parts[2];
            }

            return d;
        }
    }

    public string[] Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The names printed for the <c>all</c> lines, in order.</summary>
    public string[] AllNames => [.. Lines.Select(l => l.Split('\t')).Where(p => p[1] == "all").Select(p => p[0].TrimEnd())];

    public string this[string name, string query = "all"] => Values[(name, query)];

    public static EvalRun Files(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = TrecEvalCommandLine.Run(args, stdout, stderr);
        return new EvalRun(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes the qrels and run text to temporary files and runs <c>eval OPTIONS QRELS RUN</c>.</summary>
    public static EvalRun Text(string qrels, string run, params string[] options)
    {
        var dir = Path.Combine(Path.GetTempPath(), "harness-eval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var q = Path.Combine(dir, "qrels");
            var r = Path.Combine(dir, "run");
            File.WriteAllText(q, qrels);
            File.WriteAllText(r, run);
            var result = Files([.. options, q, r]);
            return new EvalRun(result.ExitCode, result.Stdout, result.Stderr, dir + Path.DirectorySeparatorChar);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
