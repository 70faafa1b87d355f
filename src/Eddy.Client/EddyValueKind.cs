namespace Eddy.Client;

/// <summary>The JSON kinds a feature value or a label can have.</summary>
public enum EddyValueKind
{
    Null,
    Boolean,
    Number,
    String,
}
