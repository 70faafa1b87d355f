namespace Eddy.Storage.Tests;

public sealed class StorageLayoutTests
{
    [Fact]
    public void SegmentFileName_IsZeroPaddedAndParsesBack()
    {
        Assert.Equal("00000000000000000001.wal", StorageLayout.SegmentFileName(1));
        Assert.True(StorageLayout.TryParseSegmentFileName(StorageLayout.SegmentFileName(long.MaxValue), out long lsn));
        Assert.Equal(long.MaxValue, lsn);
        Assert.False(StorageLayout.TryParseSegmentFileName("1.wal", out _));
        Assert.False(StorageLayout.TryParseSegmentFileName("0000000000000000000x.wal", out _));
        Assert.False(StorageLayout.TryParseSegmentFileName("00000000000000000001.snap", out _));
        Assert.False(StorageLayout.TryParseSnapshotFileName("00000000000000000001.snap.tmp", out _));
        Assert.False(StorageLayout.TryParseSegmentFileName("99999999999999999999.wal", out _));
    }

    [Theory]
    [InlineData("churn", true)]
    [InlineData("A-b_c.9", true)]
    [InlineData(".hidden", true)]
    [InlineData("...", false)]
    [InlineData("a.", false)]
    [InlineData("..", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidName_AllowsOnlySafeCharacters(string? name, bool valid) =>
        Assert.Equal(valid, StorageLayout.IsValidName(name));
}
