using Harness.Retrieval.Dense;
using Harness.Tests.TestSupport;
using static TorchSharp.torch;

namespace Harness.Tests.Retrieval;

public sealed class EncodedCorpusStoreTests
{
    [Test]
    public void Encodes_once_and_reloads_the_same_matrix()
    {
        using var t = new TempDirectory();
        var store = new EncodedCorpusStore(t.Path);
        var calls = 0;
        var data = Enumerable.Range(0, 12).Select(i => i * 0.5f).ToArray();
        Tensor Encode()
        {
            calls++;
            return tensor(data, [4, 3]);
        }

        using var a = store.GetOrEncode("abc123", "enc-v1", Encode);
        using var b = store.GetOrEncode("abc123", "enc-v1", Encode);

        Assert.That(calls, Is.EqualTo(1));
        Assert.That(store.Contains("abc123", "enc-v1"), Is.True);
        Assert.That(b.shape, Is.EqualTo(new long[] { 4, 3 }));
        Assert.That(b.data<float>().ToArray(), Is.EqualTo(data));
        Assert.That(a.data<float>().ToArray(), Is.EqualTo(data));
    }
}
