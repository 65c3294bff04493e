using Harness.Abstractions.Encoders;
using NUnit.Framework;
using static TorchSharp.torch;

namespace HarnessPlugin1.Tests;

public sealed class EncoderTests
{
    [Test]
    public void A_text_is_the_mean_of_its_bias_row_and_its_word_rows()
    {
        using var scope = NewDisposeScope();
        using var encoder = new HashedWordsEncoder(4, 101, seed: 3, CPU);
        var weight = encoder.parameters().Single();
        var red = 1 + (HashedWordsEncoder.Fnv1a("red") % 100);
        var fruit = 1 + (HashedWordsEncoder.Fnv1a("fruit") % 100);
        var expected = (weight[0] + weight[(long)red] + weight[(long)fruit]) / 3;

        var e = encoder.Encode(["Red  FRUIT"], TextRole.Query);

        Assert.That(e.shape, Is.EqualTo(new long[] { 1, 4 }));
        Assert.That(e[0].allclose(expected, rtol: 0, atol: 1e-6), Is.True);
    }
}
