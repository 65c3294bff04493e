using Harness.Abstractions;
using Harness.Abstractions.Plugins;

namespace Harness.Tests.Abstractions;

public sealed class PluginParametersTests
{
    private static readonly ParameterSpec[] Specs =
    [
        ParameterSpec.Float("temperature", 0.05, "τ", min: 0, exclusiveMin: true),
        ParameterSpec.Int("count", 8, "n", min: 1, max: 64),
        ParameterSpec.Bool("in-batch", true, "b"),
        ParameterSpec.Choice("similarity", "cosine", "s", "cosine", "dot"),
        ParameterSpec.String("name", "x", "free"),
    ];

    [Test]
    public void Defaults_fill_what_is_not_given_and_text_converts_to_the_declared_type()
    {
        var p = PluginParameters.Resolve(Specs, new Dictionary<string, string> { ["count"] = "16", ["temperature"] = "0.1" });
        Assert.Multiple(() =>
        {
            Assert.That(p.GetInt("count"), Is.EqualTo(16));
            Assert.That(p.GetDouble("temperature"), Is.EqualTo(0.1));
            Assert.That(p.GetBool("in-batch"), Is.True);
            Assert.That(p.GetString("similarity"), Is.EqualTo("cosine"));
            Assert.That(p.ToString(), Is.EqualTo("temperature=0.1,count=16,in-batch=true,similarity=cosine,name=x"));
        });
    }

    [Test]
    public void Yaml_style_values_of_other_types_convert_when_exact()
    {
        var p = PluginParameters.Resolve(Specs, new Dictionary<string, object?> { ["count"] = 4L, ["temperature"] = 1, ["in-batch"] = false, ["name"] = 3.5 });
        Assert.That(p.ToString(), Is.EqualTo("temperature=1,count=4,in-batch=false,similarity=cosine,name=3.5"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var e = Assert.Throws<PluginParameterException>(() => PluginParameters.Resolve(Specs, new Dictionary<string, string>
        {
            ["temperature"] = "0",
            ["count"] = "65",
            ["similarity"] = "l2",
            ["in-batch"] = "maybe",
            ["tempreature"] = "1",
        }));
        Assert.That(e!.Errors, Is.EqualTo(new[]
        {
            "unknown parameter 'tempreature' (known: temperature, count, in-batch, similarity, name)",
            "parameter 'temperature': 0 is below the minimum (exclusive) 0",
            "parameter 'count': 65 is above the maximum 64",
            "parameter 'in-batch': 'maybe' is not true or false",
            "parameter 'similarity': 'l2' is not one of cosine, dot",
        }));
    }

    [Test]
    public void A_fractional_value_is_not_an_integer()
    {
        var e = Assert.Throws<PluginParameterException>(() => PluginParameters.Resolve(Specs, new Dictionary<string, object?> { ["count"] = 2.5 }));
        Assert.That(e!.Errors.Single(), Is.EqualTo("parameter 'count': '2.5' is not an integer"));
    }

    [Test]
    public void Plugin_info_validation_finds_author_mistakes()
    {
        var info = new PluginInfo("InfoNCE", PluginKind.Loss, "", "d", [ParameterSpec.Int("k", 0, "k", min: 1), ParameterSpec.Int("k", 1, "k")]);
        Assert.That(info.Validate(), Is.EqualTo(new[]
        {
            "id 'InfoNCE' is not kebab-case (lower-case letters and digits joined by single hyphens)",
            "version is empty",
            "default of parameter 'k' is invalid: 0 is below the minimum 1",
            "parameter 'k' is declared twice",
        }));
        Assert.That(PluginInfo.IsValidId("bm25-dense-2"), Is.True);
        Assert.That(PluginInfo.IsValidId("bm25--x"), Is.False);
    }

    [Test]
    public void Contract_compatibility_needs_the_same_major_and_no_newer_minor()
    {
        Assert.That(HarnessContract.IsCompatible(new Version(2, 0, 0, 0)), Is.True);
        Assert.That(HarnessContract.IsCompatible(new Version(2, HarnessContract.Minor + 1, 0, 0)), Is.False);
        Assert.That(HarnessContract.IsCompatible(new Version(1, 0, 0, 0)), Is.False, "1.x plugins are refused");
        Assert.That(HarnessContract.IsCompatible(new Version(3, 0, 0, 0)), Is.False);
        Assert.That(HarnessContract.IsTorchSharpCompatible(typeof(TorchSharp.torch).Assembly.GetName().Version!), Is.True, "the host's own TorchSharp is the contract's");
        Assert.That(HarnessContract.IsTorchSharpCompatible(new Version(0, 106, 0, 0)), Is.False);
        Assert.That(typeof(HarnessContract).Assembly.GetName().Version, Is.EqualTo(new Version(HarnessContract.Major, HarnessContract.Minor, 0, 0)));
    }

    [Test]
    public void Stream_seeds_are_stable_and_independent()
    {
        var first = PluginContext.DeriveSeed(42, "sampler");
        Assert.That(PluginContext.DeriveSeed(42, "sampler"), Is.EqualTo(first));
        Assert.That(PluginContext.DeriveSeed(42, "sampler"), Is.Not.EqualTo(PluginContext.DeriveSeed(42, "encoder")));
        Assert.That(PluginContext.DeriveSeed(42, "sampler"), Is.Not.EqualTo(PluginContext.DeriveSeed(43, "sampler")));
        var a = new PluginContext(7).CreateRandom("x").Next();
        Assert.That(new PluginContext(7).CreateRandom("x").Next(), Is.EqualTo(a));
    }
}
