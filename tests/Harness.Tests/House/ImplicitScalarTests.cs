using Harness.Tests.Support;

namespace Harness.Tests.House;

/// <summary>
/// House rule: no implicit double/int → TorchSharp.Scalar conversion in our assemblies (see
/// <see cref="ImplicitScalarScanner"/> for why: a use-after-free that crashed 5 of 60 Debian cells). Create the Scalar
/// explicitly and keep it alive across the call (<c>using var s = x.ToScalar();</c>, or a static readonly constant).
/// </summary>
public sealed class ImplicitScalarTests
{
    private static readonly string[] Assemblies =
    [
        "Harness.Plugins.Losses.dll",
        "Harness.Plugins.NegativeSamplers.dll",
        "Harness.Plugins.Rerankers.dll",
        "Harness.Core.dll",
        "Harness.Abstractions.dll",
        "Harness.Conformance.dll",
        "Harness.Retrieval.dll",
        "Harness.Data.dll",
        "Harness.Results.dll",
        "Harness.Evaluation.dll",
        "Harness.Training.dll",
        "Harness.Models.dll",
        "Harness.Plugins.Encoders.dll",
        "Harness.Plugins.Datasets.dll",
    ];

    [TestCaseSource(nameof(Assemblies))]
    public void Our_assemblies_convert_no_number_to_a_Scalar_implicitly(string assembly)
    {
        var found = ImplicitScalarScanner.Find(Path.Combine(TestPaths.Output, assembly));
        Assert.That(found, Is.Empty, $"{assembly} converts numbers to TorchSharp Scalars implicitly at:\n  {string.Join("\n  ", found)}");
    }

    [Test]
    public void The_scanner_finds_an_implicit_conversion_and_names_its_line()
    {
        // The fixture: this test assembly's own Support code must hold none, but the scanner must see one when there is
        // one; Harness.Tests.dll has deliberate ones in ScalarFixture below.
        var found = ImplicitScalarScanner.Find(Path.Combine(TestPaths.Output, "Harness.Tests.dll"));
        Assert.That(found.Where(f => f.Contains("ScalarFixture", StringComparison.Ordinal)), Has.Exactly(2).Items.And.All.StartWith("ImplicitScalarTests.cs:"));
    }

    private static class ScalarFixture
    {
        public static TorchSharp.torch.Tensor Halve(TorchSharp.torch.Tensor x) => x.mul(0.5);

        public static TorchSharp.torch.Tensor Triple(TorchSharp.torch.Tensor x) => x.mul(3);
    }
}
