using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Types;

/// <summary>
/// A type named but not yet resolved (e.g. <c>"[Customer!]!"</c> written by a module that does not own
/// <c>Customer</c>). The schema builder replaces every reference with the real type when it builds.
/// </summary>
internal sealed class TypeReference(TypeNode node) : GraphQLType
{
    public TypeNode Node { get; } = node;

    public override TypeKind Kind => throw new InvalidOperationException($"Type reference {this} was not resolved.");

    public override string ToString() => Printer.Print(Node);
}
