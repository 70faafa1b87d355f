namespace Eddy.Base;

/// <summary>What a <see cref="Label"/> holds. Persisted in snapshots: never renumber.</summary>
public enum LabelKind : byte
{
    None = 0,
    Boolean = 1,
    Integer = 2,
    Text = 3,
    Number = 4,
}
