namespace RfmGraph.GraphQL;

/// <summary>
/// Thrown by the engine (or by a resolver) to report one or more <see cref="GraphQLError"/>s with their
/// exact message. Resolvers may throw it to surface a message to clients even when unexpected errors are masked.
/// </summary>
public class GraphQLException : Exception
{
    /// <summary>Creates an exception carrying one error.</summary>
    public GraphQLException(GraphQLError error)
        : base(error?.Message)
    {
        ArgumentNullException.ThrowIfNull(error);
        Errors = [error];
    }

    /// <summary>Creates an exception carrying several errors.</summary>
    public GraphQLException(IReadOnlyList<GraphQLError> errors)
        : base(errors is { Count: > 0 } ? errors[0].Message : "GraphQL error")
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    /// <summary>Creates an exception with a plain message and optional <c>extensions.code</c>.</summary>
    public GraphQLException(string message, string? code = null)
        : base(message)
    {
        Errors = [new GraphQLError(message, extensions: code is null ? null : new Dictionary<string, object?> { ["code"] = code })];
    }

    /// <summary>Required by CA1032; prefer the other constructors.</summary>
    public GraphQLException()
        : this("GraphQL error")
    {
    }

    /// <summary>Required by CA1032; wraps an inner exception.</summary>
    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new GraphQLError(message, originalException: innerException)];
    }

    /// <summary>The errors to report.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }
}

/// <summary>A document could not be lexed or parsed (or exceeded a parser limit). Message starts with "Syntax Error: ".</summary>
public sealed class GraphQLSyntaxException : GraphQLException
{
    /// <summary>Creates the exception for one syntax error.</summary>
    public GraphQLSyntaxException(GraphQLError error)
        : base(error)
    {
    }

    /// <summary>Required by CA1032.</summary>
    public GraphQLSyntaxException()
    {
    }

    /// <summary>Required by CA1032.</summary>
    public GraphQLSyntaxException(string message)
        : base(message)
    {
    }

    /// <summary>Required by CA1032.</summary>
    public GraphQLSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The single syntax error.</summary>
    public GraphQLError Error => Errors[0];
}
