using System.Text;
using Eddy.Preprocessing;

namespace Eddy.Tests.Preprocessing;

public sealed class Blake2sTests
{
    // RFC 7693 appendix B (an all-zero salt changes nothing), and CPython's hashlib.blake2s(data, salt=b"12345678").
    [Theory]
    [InlineData("abc", 1, "\0\0\0\0\0\0\0\0", "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982")]
    [InlineData("", 1, "12345678", "c49079c14187a0f2d6a55ba031eb188722079852a1094e67b4c949ae454beb26")]
    [InlineData("dog", 1, "12345678", "2b24ef294cbc571841db003bb47e2ab047d34857ef82b643934a835bb2dd6031")]
    [InlineData("a", 64, "12345678", "be9c42988bfe8a3607d97a7250900e7b4b077e9fb8747509f7ca2824cca59992")]
    [InlineData("a", 65, "12345678", "7028f6ea57c02b24466d85d130174dd9db94f014e46d2412900a3450f15f0fc2")]
    [InlineData("a", 200, "12345678", "e36b54e8aa4646766ba5504dfecd70f400d0ee4418297d0939642c04b4ce828c")]
    [InlineData("café=ü", 1, "12345678", "5e9aead56d1e1fd3281c3e9c37e00d7c867240a65c1bcdc6a2165c759256d8df")]
    public void Hash_KnownVectors_MatchesReference(string text, int repeat, string salt, string expectedHex)
    {
        byte[] data = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, repeat)));
        var digest = new byte[Blake2s.DigestSize];
        Blake2s.Hash(data, Encoding.ASCII.GetBytes(salt), digest);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Hash_WrongSaltLength_Throws()
    {
        var digest = new byte[Blake2s.DigestSize];
        Assert.Throws<ArgumentException>(() => Blake2s.Hash([1, 2], new byte[4], digest));
    }
}
