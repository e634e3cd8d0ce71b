namespace RfmGraph.GraphQL.Types;

/// <summary>
/// Thrown by a scalar's or enum's Serialize / ParseValue / ParseLiteral when a value cannot be represented;
/// the message is the one graphql-js uses (e.g. "Int cannot represent non-integer value: 1.5") and is
/// embedded into the validation or execution error that reports it.
/// </summary>
public sealed class CoercionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CoercionException(string message)
        : base(message)
    {
    }

    /// <summary>Required by CA1032.</summary>
    public CoercionException()
    {
    }

    /// <summary>Required by CA1032.</summary>
    public CoercionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
