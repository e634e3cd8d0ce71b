using RfmGraph.GraphQL.Language;

namespace RfmGraph.GraphQL.Validation;

/// <summary>
/// One validation rule. A rule object is immutable and shared by every validation run; per run it creates a
/// cheap <see cref="ValidationVisitor"/> that holds the run's state. <see cref="Kinds"/> lists the node kinds the
/// visitor wants to see, so the walker calls a rule only for those nodes.
/// </summary>
public abstract class ValidationRule
{
    /// <summary>Creates a rule that visits the given node kinds.</summary>
    protected ValidationRule(params NodeKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        foreach (var kind in kinds)
        {
            Kinds |= 1UL << (int)kind;
        }
    }

    /// <summary>The rule's name; graphql-js's name for the rules it shares with us (e.g. <c>ScalarLeafsRule</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The node kinds the visitor is called for, as a bit mask over <see cref="NodeKind"/>.</summary>
    public ulong Kinds { get; }

    /// <summary>Creates the per-run visitor.</summary>
    public abstract ValidationVisitor CreateVisitor(ValidationContext context);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// The per-run side of a rule. The walker calls <see cref="Enter"/> before a node's children and
/// <see cref="Leave"/> after them (type information still describes the node during both).
/// </summary>
public abstract class ValidationVisitor
{
    /// <summary>Called before the node's children. Returning false skips the subtree for this visitor only.</summary>
    public virtual bool Enter(Node node) => true;

    /// <summary>Called after the node's children (not called for a node whose <see cref="Enter"/> returned false).</summary>
    public virtual void Leave(Node node)
    {
    }
}
