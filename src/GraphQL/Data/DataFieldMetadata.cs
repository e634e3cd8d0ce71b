namespace RfmGraph.GraphQL.Data;

/// <summary>
/// <see cref="Types.FieldDefinition.Metadata"/> keys that tell projections how an object field maps to the CLR
/// entity (set them with <c>FieldBuilder.Metadata(key, value)</c> or the helpers in <see cref="DataFieldExtensions"/>).
/// </summary>
public static class DataFieldMetadata
{
    /// <summary>The CLR property a field reads when its name differs (string).</summary>
    public const string Member = "data.member";

    /// <summary>CLR properties a computed field needs loaded (IEnumerable&lt;string&gt;).</summary>
    public const string Requires = "data.requires";
}
