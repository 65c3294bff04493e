using Harness.Core.Caching;
using Harness.Retrieval.Dense;
using Harness.Tests.Support;
using static TorchSharp.torch;

namespace Harness.Tests.Retrieval;

public sealed class EncodedCorpusStoreTests
{
    [Test]
    public void Encodes_once_and_reloads_the_same_matrix()
    {
        using var t = new TempDirectory();
        var store = new EncodedCorpusStore(new CacheStore(t.Path));
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

    [Test]
    public void Tensor_bytes_of_a_row_view_alias_that_row_as_the_store_assumes()
    {
        // The store reads and writes large matrices in row blocks through narrow(...).bytes.
        using var m = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]);
        using var row = m.narrow(0, 1, 1);
        Assert.That(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(row.bytes).ToArray(), Is.EqualTo(new float[] { 3, 4 }));
        using var blank = zeros(1, 2);
        blank.bytes.CopyTo(row.bytes);
        Assert.That(m.data<float>().ToArray(), Is.EqualTo(new float[] { 1, 2, 0, 0, 5, 6 }), "writes through the span reach the matrix");
    }
}
