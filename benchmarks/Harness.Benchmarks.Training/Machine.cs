using System.Globalization;
using System.Runtime.InteropServices;

namespace Harness.Benchmarks.Training;

/// <summary>Host facts printed before the figures, and the process's peak memory.</summary>
internal static class Machine
{
    public static string Describe() =>
        $"{RuntimeInformation.OSDescription}; {Environment.ProcessorCount} cores; {RuntimeInformation.FrameworkDescription}; torch threads {TorchSharp.torch.get_num_threads()}";

    /// <summary>Peak resident set size in MiB (Linux VmHWM), or -1.</summary>
    public static double PeakRssMb()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
