using System.Diagnostics;

namespace Harness.Tests.Support;

/// <summary>Runs a process to completion and captures its output.</summary>
public static class ProcessRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(string fileName, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null, int timeoutSeconds = 300, bool closeStdout = false)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {fileName}");
        if (closeStdout)
        {
            // The reader goes away before the process writes anything, as `| head -0` would.
            p.StandardOutput.Close();
        }

        var stdout = closeStdout ? Task.FromResult(string.Empty) : p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Runs a process and sends it <paramref name="signal"/> as soon as a line of its standard error contains
    /// <paramref name="marker"/> (for example a <c>pause@POINT</c> fault point's announcement).
    /// </summary>
    public static Result RunAndSignal(string fileName, IEnumerable<string> args, IDictionary<string, string> environment, string marker, int signal, int timeoutSeconds = 300)
    {
        if (Signals.IgnoredByThisProcess(signal))
        {
            // The child would inherit the ignored signal and run into the timeout instead of testing anything.
            Assert.Ignore($"signal {signal} is ignored by the test process (inherited, e.g. from a shell's background job), so a child cannot receive it; run the tests in the foreground");
        }

        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment)
        {
            psi.Environment[k] = v;
        }

        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        using var p = new Process { StartInfo = psi };
        var signalled = 0;
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stdout)
                {
                    stdout.AppendLine(e.Data);
                }
            }
        };
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(e.Data);
            }

            if (e.Data.Contains(marker, StringComparison.Ordinal) && Interlocked.Exchange(ref signalled, 1) == 0)
            {
                _ = Signals.Send(p.Id, signal);
            }
        };
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in {timeoutSeconds} s");
        }

        p.WaitForExit();
        return new Result(p.ExitCode, stdout.ToString(), stderr.ToString());
    }
}
