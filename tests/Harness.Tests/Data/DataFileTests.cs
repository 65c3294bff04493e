using Harness.Data;
using Harness.Data.Formats;
using Harness.Tests.Support;

namespace Harness.Tests.Data;

public sealed class DataFileTests
{
    // Made with `xz` and `lz4` from the text "d1\tcompressed with xz|lz4\nd2\tsecond line\n" (apt serves both formats).
    private const string Xz = "/Td6WFoAAATm1rRGAgAhARYAAAB0L+WjAQAkZDEJY29tcHJlc3NlZCB3aXRoIHh6CmQyCXNlY29uZCBsaW5lCgAAAACwkboVe+7zHgABPSXSKWoBH7bzfQEAAAAABFla";
    private const string Lz4 = "BCJNGGRApyYAAIBkMQljb21wcmVzc2VkIHdpdGggbHo0CmQyCXNlY29uZCBsaW5lCgAAAADJ40cw";

    [TestCase("x.tsv.xz", Xz, "xz")]
    [TestCase("x.tsv.lz4", Lz4, "lz4")]
    public void Compressed_files_made_by_the_standard_tools_are_read(string name, string base64, string tool)
    {
        using var t = new TempDirectory();
        var path = t.Combine(name);
        File.WriteAllBytes(path, Convert.FromBase64String(base64));

        Assert.That(DataFile.ReadLines(path).ToArray(), Is.EqualTo(new[] { (1L, $"d1\tcompressed with {tool}"), (2L, "d2\tsecond line") }));
    }

    [Test]
    public void Invalid_utf8_names_the_line()
    {
        using var t = new TempDirectory();
        var path = t.Combine("bad.tsv");
        File.WriteAllBytes(path, [(byte)'o', (byte)'k', 10, (byte)'b', 0xC3, 0x28, 10]);
        var e = Assert.Throws<DatasetFormatException>(() => DataFile.ReadLines(path).ToList())!;
        Assert.That(e.Message, Does.EndWith("bad.tsv:2: the file is not valid UTF-8"));
    }

    [Test]
    public void Missing_file_names_the_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => DataFile.OpenRead("/nonexistent/file.tsv"))!;
        Assert.That(e.Message, Does.StartWith("/nonexistent/file.tsv"));
    }
}
