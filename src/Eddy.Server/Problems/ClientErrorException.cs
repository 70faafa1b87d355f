namespace Eddy.Server.Problems;

/// <summary>A request the server refuses; becomes an RFC 9457 problem with <see cref="Kind"/>'s status and type.</summary>
internal sealed class ClientErrorException : Exception
{
    public ClientErrorException(ProblemKind kind, string detail, string? field = null)
        : base(detail)
    {
        Kind = kind;
        Field = field;
    }

    public ProblemKind Kind { get; }

    /// <summary>The JSON path of the value that was wrong, when there is one (<c>x.age</c>, <c>y</c>).</summary>
    public string? Field { get; }
}
