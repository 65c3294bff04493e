using Harness.Core.Caching;
using Harness.Results.Storage;
using Harness.Tests.Support;

namespace Harness.Tests.Core.Caching;

public sealed class AtomicDirectoryTests
{
    [Test]
    public void Replace_publishes_the_new_folder_whole_and_drops_files_of_the_old_one()
    {
        using var t = new TempDirectory();
        var dir = t.Combine("out");
        AtomicDirectory.Replace(dir, f =>
        {
            File.WriteAllText(Path.Combine(f, "a"), "1");
            File.WriteAllText(Path.Combine(f, "stale"), "1");
        });
        AtomicDirectory.Replace(dir, f => File.WriteAllText(Path.Combine(f, "a"), "2"));
        Assert.That(Directory.GetFileSystemEntries(dir).Select(Path.GetFileName), Is.EqualTo(new[] { "a" }));
        Assert.That(File.ReadAllText(Path.Combine(dir, "a")), Is.EqualTo("2"));
        Assert.That(Directory.GetFileSystemEntries(t.Path), Is.EqualTo(new[] { dir }), "no sibling left");
    }

    [Test]
    public void A_build_that_throws_leaves_the_previous_folder_and_no_sibling()
    {
        using var t = new TempDirectory();
        var dir = t.Combine("out");
        AtomicDirectory.Replace(dir, f => File.WriteAllText(Path.Combine(f, "a"), "old"));
        Assert.Throws<OperationCanceledException>(() => AtomicDirectory.Replace(dir, f =>
        {
            File.WriteAllText(Path.Combine(f, "a"), "half");
            throw new OperationCanceledException();
        }));
        Assert.That(File.ReadAllText(Path.Combine(dir, "a")), Is.EqualTo("old"));
        Assert.That(Directory.GetFileSystemEntries(t.Path), Is.EqualTo(new[] { dir }));
    }

    [Test]
    public void Recover_removes_leftovers_of_dead_processes_and_restores_a_set_aside_version()
    {
        using var t = new TempDirectory();
        var dir = t.Combine("out");
        const int dead = int.MaxValue - 7; // no such process
        var partial = t.Combine($".out.new-{dead}-abc");
        var aside = t.Combine($".out.old-{dead}-abc");
        var live = t.Combine($".out.new-{Environment.ProcessId}-def");
        foreach (var d in new[] { partial, aside, live })
        {
            Directory.CreateDirectory(d);
        }

        File.WriteAllText(Path.Combine(aside, "a"), "previous");
        Assert.That(AtomicDirectory.Recover(dir), Is.EqualTo(2));
        Assert.That(File.ReadAllText(Path.Combine(dir, "a")), Is.EqualTo("previous"), "the set-aside version is back");
        Assert.That(Directory.Exists(partial), Is.False);
        Assert.That(Directory.Exists(live), Is.True, "a live process's folder is left alone");

        Directory.CreateDirectory(aside);
        Assert.That(AtomicDirectory.Recover(dir), Is.EqualTo(1));
        Assert.That(Directory.Exists(aside), Is.False, "with the folder present, a set-aside version is deleted");
    }

    [Test]
    public void Atomic_files_replace_whole_or_not_at_all()
    {
        using var t = new TempDirectory();
        var path = t.Combine("f.txt");
        AtomicFile.WriteAllText(path, "one");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write("tw");
            throw new InvalidOperationException();
        }));
        Assert.That(File.ReadAllText(path), Is.EqualTo("one"));
        AtomicFile.WriteAllText(path, "two");
        Assert.That(File.ReadAllText(path), Is.EqualTo("two"));
        Assert.That(Directory.GetFiles(t.Path), Is.EqualTo(new[] { path }), "no temporary file left");
    }
}
