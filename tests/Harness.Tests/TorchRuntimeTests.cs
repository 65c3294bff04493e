using static TorchSharp.torch;

namespace Harness.Tests;

/// <summary>The native runtime loads in this process (the GLIBCXX fix in build/TorchSharpRuntime.targets worked).</summary>
public sealed class TorchRuntimeTests
{
    [Test]
    public void A_small_matmul_gives_the_hand_computed_product()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using var c = a.matmul(b);
        Assert.That(c.data<float>().ToArray(), Is.EqualTo(new float[] { 19, 22, 43, 50 }));
    }
}
