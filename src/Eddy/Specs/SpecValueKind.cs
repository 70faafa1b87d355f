namespace Eddy.Specs;

public enum SpecValueKind
{
    None,
    Boolean,
    Integer,
    Number,
    String,
    StringList,

    /// <summary>A nested optimizer, scheduler, loss or metric.</summary>
    Component,
}
