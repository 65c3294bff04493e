namespace Harness.Core.Provenance;

/// <summary>The machine and runtime a result was produced on (the <c>provenance.environment</c> object).</summary>
/// <param name="Os">The operating system, for example <c>Debian GNU/Linux 12 (bookworm); Linux 6.1.0 x64</c>.</param>
/// <param name="Cpu">The CPU model name.</param>
/// <param name="Cores">Logical processors available to the process.</param>
/// <param name="DotNet">The .NET runtime version.</param>
/// <param name="TorchSharp">The TorchSharp managed library version.</param>
/// <param name="LibTorch">The libtorch native runtime package version (or <c>unknown</c>).</param>
/// <param name="Device">The device tensors ran on (<c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>).</param>
public sealed record EnvironmentInfo(string Os, string Cpu, int Cores, string DotNet, string TorchSharp, string LibTorch, string Device);
