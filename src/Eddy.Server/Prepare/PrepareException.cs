using Eddy.Server.Problems;

namespace Eddy.Server.Prepare;

/// <summary>A prepare request that cannot be carried out: a 400 (or 422) problem naming the field at fault.</summary>
internal sealed class PrepareException : Exception
{
    public PrepareException(string field, string detail, ProblemKind? kind = null)
        : base(detail)
    {
        Field = field;
        Kind = kind ?? ProblemKind.InvalidRequest;
    }

    /// <summary>The JSON path of the value at fault, e.g. <c>rows[3].age</c> or <c>join.on</c>.</summary>
    public string Field { get; }

    public ProblemKind Kind { get; }
}
