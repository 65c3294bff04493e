using Harness.Tests.Support;

namespace Harness.Tests.House;

/// <summary>
/// House rule: no TorchSharp Scalar that nothing keeps alive across the native call, in our assemblies (see
/// <see cref="ImplicitScalarScanner"/> for why: a use-after-free that crashed 5 of 60 Debian cells). Two checks per
/// assembly: no implicit double/int → Scalar conversion in our IL, and no call to a TorchSharp member that makes such a
/// Scalar inside TorchSharp (<c>a + b</c>, <c>t / 2.0</c>, <c>square()</c>, <c>arange(stop)</c>, ...; the set is
/// <see cref="RiskyTorchSharpMembers"/>, found in TorchSharp.dll's IL). Create the Scalar explicitly and keep it
/// alive across the call (<c>using var s = x.ToScalar();</c>, or a static readonly constant), through a small helper
/// per assembly where an operator would otherwise be spelled out at every site (e.g. plugins/Harness.Plugins.Losses/TensorMath.cs).
/// <para>
/// What is left: the sites in RiskyTorchSharpCalls.allowlist (beside this file), each with its reason; at this
/// writing one, RerankerTrainer's <c>optimizer.step()</c> on TorchSharp's AdamW.
/// </para>
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

    private static string AllowListPath => Path.Combine(TestPaths.RepoRoot, "tests", "Harness.Tests", "House", "RiskyTorchSharpCalls.allowlist");

    [TestCaseSource(nameof(Assemblies))]
    public void Our_assemblies_convert_no_number_to_a_Scalar_implicitly(string assembly)
    {
        var found = ImplicitScalarScanner.Find(Path.Combine(TestPaths.Output, assembly));
        Assert.That(found, Is.Empty, $"{assembly} converts numbers to TorchSharp Scalars implicitly at:\n  {string.Join("\n  ", found)}");
    }

    [TestCaseSource(nameof(Assemblies))]
    public void Our_assemblies_call_no_TorchSharp_member_that_leaves_a_Scalar_to_the_finalizer(string assembly)
    {
        var found = ImplicitScalarScanner.FindRiskyTorchSharpCalls(Path.Combine(TestPaths.Output, assembly));
        var allowed = AllowList(assembly);
        var unlisted = new List<ScalarHazard>();
        foreach (var hazard in found)
        {
            if (!allowed.Remove(hazard.Key))
            {
                unlisted.Add(hazard);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(unlisted, Is.Empty, $"{assembly} calls TorchSharp members that make a Scalar nothing keeps alive (pass one you own, e.g. a.add(b, One), or use the assembly's helper) at:\n  {string.Join("\n  ", unlisted)}");
            Assert.That(allowed, Is.Empty, $"RiskyTorchSharpCalls.allowlist lists {assembly} sites that are gone; remove them:\n  {string.Join("\n  ", allowed)}");
        });
    }

    [Test]
    public void The_scanner_finds_an_implicit_conversion_and_names_its_line()
    {
        // The fixture: this test assembly's own Support code must hold none, but the scanner must see one when there is
        // one; Harness.Tests.dll has deliberate ones in ScalarFixture below.
        var found = ImplicitScalarScanner.Find(Path.Combine(TestPaths.Output, "Harness.Tests.dll"));
        Assert.That(found.Where(f => f.Contains("ScalarFixture", StringComparison.Ordinal)), Has.Exactly(2).Items.And.All.StartWith("ImplicitScalarTests.cs:"));
    }

    [Test]
    public void The_scanner_finds_a_call_to_a_risky_TorchSharp_member_and_names_its_line()
    {
        var found = ImplicitScalarScanner.FindRiskyTorchSharpCalls(Path.Combine(TestPaths.Output, "Harness.Tests.dll"))
            .Where(h => h.Caller.StartsWith("RiskyFixture.", StringComparison.Ordinal))
            .ToList();
        Assert.That(found.Select(h => (h.Caller, h.Callee)), Is.EquivalentTo(new[]
        {
            ("RiskyFixture.Sum", "Tensor.op_Addition(Tensor, Tensor)"),
            ("RiskyFixture.Square", "Tensor.square()"),
        }));
        Assert.That(found.Select(h => h.File), Is.All.EqualTo("ImplicitScalarTests.cs"));
    }

    [Test]
    public void The_closure_over_TorchSharp_holds_the_known_hazards_and_not_their_safe_overloads()
    {
        // Read from TorchSharp 0.107's source and IL: add(Tensor) is `return add(target, 1);` and a + b calls it;
        // square() is pow(2); arange(stop) is arange(0, stop, 1); vector_norm passes ord.ToScalar().Handle and drops
        // it; AdamW's step converts its hyper-parameters implicitly, and a call names the virtual Optimizer.step.
        // The overloads that take our Scalars, and clip_grad_norm_ (it passes doubles), are safe.
        var risky = RiskyTorchSharpMembers.InTestOutput.Keys.Select(SignatureNames.Short).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(risky, Is.SupersetOf(new[]
            {
                "Tensor.add(Tensor)",
                "Tensor.op_Addition(Tensor, Tensor)",
                "Tensor.op_Division(Tensor, Double)",
                "Tensor.op_Subtraction(Double, Tensor)",
                "Tensor.square()",
                "torch.arange(Scalar, Nullable`1<ScalarType>, Device, Boolean)",
                "functional.softplus(Tensor, Double, Double)",
                "linalg.vector_norm(Tensor, Double, Int64[], Boolean)",
                "Optimizer.step(Func`1<Tensor>)",
            }));
            Assert.That(risky, Has.None.AnyOf(
                "Tensor.add(Tensor, Scalar)",
                "Tensor.add(Scalar, Scalar)",
                "Tensor.mul(Scalar)",
                "Tensor.pow(Scalar)",
                "torch.arange(Scalar, Scalar, Scalar, Nullable`1<ScalarType>, Device, Boolean)",
                "utils.clip_grad_norm_(IEnumerable`1<Parameter>, Double, Double)"));
        });
    }

    /// <summary>The allow-list's sites for <paramref name="assembly"/>, as a multiset of <see cref="ScalarHazard.Key"/>s.</summary>
    private static List<string> AllowList(string assembly) =>
        File.ReadAllLines(AllowListPath)
            .Select(l => l.Trim())
            .Where(l => l.StartsWith($"{assembly}: ", StringComparison.Ordinal))
            .Select(l => l[(assembly.Length + 2)..])
            .ToList();

    private static class ScalarFixture
    {
        public static TorchSharp.torch.Tensor Halve(TorchSharp.torch.Tensor x) => x.mul(0.5);

        public static TorchSharp.torch.Tensor Triple(TorchSharp.torch.Tensor x) => x.mul(3);
    }

    private static class RiskyFixture
    {
        public static TorchSharp.torch.Tensor Sum(TorchSharp.torch.Tensor a, TorchSharp.torch.Tensor b) => a + b;

        public static TorchSharp.torch.Tensor Square(TorchSharp.torch.Tensor x) => x.square();
    }
}
