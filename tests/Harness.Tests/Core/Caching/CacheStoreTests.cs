using Harness.Core.Caching;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Caching;

public sealed class CacheStoreTests
{
    [Test]
    public void Entries_are_built_once_atomically_with_a_completion_record()
    {
        using var t = new TempDirectory();
        var cache = new CacheStore(t.Path);
        Assert.Throws<InvalidOperationException>(() => cache.GetOrCreate("area", "k1", dir =>
        {
            File.WriteAllText(Path.Combine(dir, "half"), "x");
            throw new InvalidOperationException("boom");
        }));
        Assert.That(cache.Contains("area", "k1"), Is.False);
        Assert.That(Directory.GetDirectories(Path.Combine(t.Path, "area")), Is.Empty, "the temporary folder is removed");

        var builds = 0;
        var path = cache.GetOrCreate("area", "k1", dir =>
        {
            builds++;
            File.WriteAllText(Path.Combine(dir, "f"), "1");
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            File.WriteAllText(Path.Combine(dir, "sub", "g"), "22");
        });
        cache.GetOrCreate("area", "k1", _ => builds++);
        Assert.That(builds, Is.EqualTo(1));
        Assert.That(path, Is.EqualTo(Path.Combine(t.Path, "area", "k1")));
        Assert.That(File.ReadAllText(Path.Combine(path, "f")), Is.EqualTo("1"));

        // SHA-256 of "1" and of "22", computed independently (sha256sum).
        Assert.That(File.ReadAllLines(Path.Combine(path, CacheStore.CompletionRecord)), Is.EqualTo(new[]
        {
            "harness-cache-entry/1",
            "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b 1 f",
            "785f3ec7eb32f30b90cd0fcf3657d388b5ff4297f2f9716ff66e9b69c05ddd09 2 sub/g",
        }));
        Assert.Throws<ArgumentException>(() => cache.PathOf("area", "../escape"));
        Assert.Throws<ArgumentException>(() => cache.PathOf("../area", "k"));
    }

    [TestCase("delete-record", "incomplete (no completion record)")]
    [TestCase("truncate", "corrupt (f holds 1 bytes, expected 2)")]
    [TestCase("flip", "corrupt (f does not match its SHA-256)")]
    [TestCase("delete-file", "incomplete (f is missing)")]
    public void A_damaged_entry_is_reported_and_rebuilt(string damage, string reason)
    {
        using var t = new TempDirectory();
        var reports = new List<string>();
        var cache = new CacheStore(t.Path, reports.Add);
        var builds = 0;
        void Build(string dir)
        {
            builds++;
            File.WriteAllText(Path.Combine(dir, "f"), "ab");
        }

        var path = cache.GetOrCreate("a", "k", Build);
        var f = Path.Combine(path, "f");
        switch (damage)
        {
            case "delete-record": File.Delete(Path.Combine(path, CacheStore.CompletionRecord)); break;
            case "truncate": File.WriteAllText(f, "a"); break;
            case "flip": File.WriteAllText(f, "ba"); break;
            case "delete-file": File.Delete(f); break;
        }

        Assert.That(CacheStore.Problem(path), Is.EqualTo(reason));
        Assert.That(cache.Contains("a", "k"), Is.False);
        cache.GetOrCreate("a", "k", Build);
        Assert.That(builds, Is.EqualTo(2));
        Assert.That(reports, Is.EqualTo(new[] { $"cache entry {path} is {reason}; rebuilding it" }));
        Assert.That(File.ReadAllText(f), Is.EqualTo("ab"));
        Assert.That(CacheStore.Problem(path), Is.Null);
    }

    [Test]
    public void A_cache_under_a_file_fails_with_one_message_naming_the_folder()
    {
        using var t = new TempDirectory();
        var file = t.File("file", "x");
        var cache = new CacheStore(Path.Combine(file, "cache"));
        var e = Assert.Throws<CacheWriteException>(() => cache.GetOrCreate("bm25", "k", _ => { }));
        Assert.That(e!.Message, Does.StartWith($"cannot write the cache folder {Path.Combine(file, "cache", "bm25")}: "));
        Assert.That(e.Message, Does.Not.Contain("'"), "the path is not repeated");
    }
}
