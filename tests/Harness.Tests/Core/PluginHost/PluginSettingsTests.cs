using Harness.Abstractions.Plugins;
using Harness.Core.PluginHost;

namespace Harness.Tests.Core.PluginHost;

public sealed class PluginSettingsTests
{
    private static readonly PluginInfo Info = new("multi-similarity", PluginKind.Loss, "1", "d", [ParameterSpec.Float("alpha", 2, "a"), ParameterSpec.String("path", "", "p")]);

    [Test]
    public void Assignments_group_by_plugin_id_and_the_last_one_wins()
    {
        var s = PluginSettings.Parse(["multi-similarity.alpha=3", "multi-similarity.path=a=b.c", "multi-similarity.alpha=4"]);
        var p = s.Resolve(Info);
        Assert.That(p.GetDouble("alpha"), Is.EqualTo(4));
        Assert.That(p.GetString("path"), Is.EqualTo("a=b.c"));
        Assert.That(PluginSettings.Empty.Resolve(Info).GetDouble("alpha"), Is.EqualTo(2));
    }

    [TestCase("alpha=3", "'alpha=3' is not of the form ID.NAME=VALUE (for example infonce.temperature=0.1)")]
    [TestCase("infonce.=3", "'infonce.=3' is not of the form ID.NAME=VALUE (for example infonce.temperature=0.1)")]
    [TestCase("InfoNCE.t=3", "'InfoNCE.t=3': 'InfoNCE' is not a plugin id (kebab-case)")]
    public void Malformed_assignments_are_quoted_in_the_error(string assignment, string message)
    {
        var e = Assert.Throws<FormatException>(() => PluginSettings.Parse([assignment]));
        Assert.That(e!.Message, Is.EqualTo(message));
    }

    [Test]
    public void An_invalid_value_names_the_plugin()
    {
        var e = Assert.Throws<PluginParameterException>(() => PluginSettings.Parse(["multi-similarity.alpha=x"]).Resolve(Info));
        Assert.That(e!.Message, Is.EqualTo("multi-similarity: parameter 'alpha': 'x' is not a number"));
    }
}
