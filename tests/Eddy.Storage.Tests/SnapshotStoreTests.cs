using Eddy.Storage.Tests.Support;

namespace Eddy.Storage.Tests;

public sealed class SnapshotStoreTests
{
    [Fact]
    public void WriteListRead_RoundTripsNewestFirst()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        Assert.Empty(store.Names());
        Assert.Empty(store.List("churn"));

        store.Write("churn", 10, [1, 2, 3]);
        store.Write("churn", 30, [4, 5]);
        store.Write("churn", 20, []);
        store.Write("fraud.v2", 7, [9]);

        IReadOnlyList<SnapshotFile> snapshots = store.List("churn");
        Assert.Equal([30L, 20L, 10L], snapshots.Select(s => s.Sequence));
        Assert.All(snapshots, s => Assert.Equal("churn", s.Name));
        Assert.Equal([4, 5], store.Read(snapshots[0]));
        Assert.Empty(store.Read(snapshots[1]));
        Assert.Equal([1, 2, 3], store.Read(snapshots[2]));
        Assert.Equal(["churn", "fraud.v2"], store.Names());
        Assert.Equal(
            Path.Combine(temp.Path, "snapshots", "churn", "00000000000000000030.snap"),
            snapshots[0].Path);

        // A second store over the same directory (a restart) sees the same snapshots.
        Assert.Equal([9], new SnapshotStore(temp.Path).Read(store.List("fraud.v2")[0]));
    }

    [Fact]
    public void Write_MoreThanKeep_PrunesOldest()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path, keep: 2);
        for (long sequence = 1; sequence <= 5; sequence++)
        {
            store.Write("m", sequence, [(byte)sequence]);
        }

        Assert.Equal([5L, 4L], store.List("m").Select(s => s.Sequence));
        Assert.Equal(2, Directory.GetFiles(StorageLayout.SnapshotDirectory(temp.Path, "m")).Length);
    }

    [Fact]
    public void Write_SameSequenceAgain_Replaces()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        store.Write("m", 3, [1]);
        store.Write("m", 3, [2, 2]);
        Assert.Equal([2, 2], store.Read(Assert.Single(store.List("m"))));
    }

    /// <summary>A crash between creating the temp file and the rename leaves a temp file: never listed, deleted on sight.</summary>
    [Fact]
    public void LeftoverTempFile_IsIgnoredAndCleaned()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        store.Write("m", 1, [1]);
        string directory = StorageLayout.SnapshotDirectory(temp.Path, "m");
        string leftover = Path.Combine(directory, StorageLayout.TempFileName(StorageLayout.SnapshotFileName(2)));
        File.WriteAllBytes(leftover, [0xDE, 0xAD]);

        Assert.Equal([1L], store.List("m").Select(s => s.Sequence));
        _ = new SnapshotStore(temp.Path);
        Assert.False(File.Exists(leftover));

        File.WriteAllBytes(leftover, [0xDE, 0xAD]);
        store.Write("m", 3, [3]);
        Assert.False(File.Exists(leftover));
        Assert.Equal([3L, 1L], store.List("m").Select(s => s.Sequence));
    }

    [Fact]
    public void Delete_RemovesEverySnapshotOfTheName()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        store.Write("a", 1, [1]);
        store.Write("a", 2, [2]);
        store.Write("b", 1, [1]);
        store.Delete("a");
        store.Delete("never-written");

        Assert.Empty(store.List("a"));
        Assert.False(Directory.Exists(StorageLayout.SnapshotDirectory(temp.Path, "a")));
        Assert.Equal(["b"], store.Names());
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("../etc")]
    [InlineData("naïve")]
    [InlineData("with space")]
    public void Write_InvalidName_Throws(string name)
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        Assert.Throws<ArgumentException>(() => store.Write(name, 1, [1]));
        Assert.Throws<ArgumentException>(() => store.List(name));
        Assert.Throws<ArgumentException>(() => store.Delete(name));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Constructor_InvalidArguments_Throw()
    {
        using var temp = new TempDirectory();
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnapshotStore(temp.Path, keep: 0));
        Assert.Throws<ArgumentException>(() => new SnapshotStore(""));
        Assert.Throws<ArgumentException>(() => new SnapshotStore(temp.Path).Write(new string('a', StorageLayout.MaxNameLength + 1), 1, [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SnapshotStore(temp.Path).Write("m", -1, [1]));
    }
}
