namespace Harness.Tests.Support;

/// <summary>One call in our IL to a TorchSharp member that creates a Scalar it does not keep alive.</summary>
/// <param name="File">The source file (its name only), or <c>IL_offset</c> without a PDB.</param>
/// <param name="Line">The source line, 0 without a PDB.</param>
/// <param name="Caller">Our method: <c>Type.Method</c>.</param>
/// <param name="Callee">The TorchSharp member called, short form (<c>Tensor.add(Tensor)</c>).</param>
/// <param name="Why">The chain inside TorchSharp that makes it risky.</param>
public sealed record ScalarHazard(string File, int Line, string Caller, string Callee, string Why)
{
    /// <summary>
    /// The site without its line, as the allow-list names it: a line number would go stale at every edit above it,
    /// while the method and the member called name the site well enough (a repeat in one method is counted).
    /// </summary>
    public string Key => $"{File} {Caller} → {Callee}";

    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line} ({Caller}) calls {Callee}: {Why}";
}
