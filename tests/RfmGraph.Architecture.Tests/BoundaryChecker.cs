using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace RfmGraph.Architecture.Tests;

/// <summary>
/// Reads an assembly's metadata (every type it references from another assembly, wherever it is
/// used: signatures, attributes, method bodies) and reports references that cross a boundary.
/// </summary>
public static class BoundaryChecker
{
    /// <summary>The RfmGraph modules, by root namespace.</summary>
    public static readonly IReadOnlyList<string> Modules = ["RfmGraph.Sales", "RfmGraph.Scoring", "RfmGraph.Reporting"];

    /// <summary>
    /// Types of another module, outside its <c>Contracts</c> namespace, referenced by the code of
    /// <paramref name="ownModule"/> (a root namespace such as "RfmGraph.Scoring") in <paramref name="assemblyPath"/>.
    /// </summary>
    public static IReadOnlyList<string> ForeignModuleReferences(string assemblyPath, string ownModule) =>
        ReferencedTypes(assemblyPath)
            .Where(t => Modules.Any(m => m != ownModule && InNamespace(t, m) && !InNamespace(t, m + ".Contracts")))
            .Select(t => $"{ownModule} uses {t}, which is not in {ModuleOf(t)}.Contracts")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every RfmGraph type or assembly <paramref name="assemblyPath"/> references (for assemblies that must stand alone).</summary>
    public static IReadOnlyList<string> RfmGraphReferences(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var assemblies = reader.AssemblyReferences
            .Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))
            .Where(n => n.StartsWith("RfmGraph", StringComparison.Ordinal))
            .Select(n => $"assembly {n}");
        var types = ReferencedTypes(assemblyPath).Where(t => InNamespace(t, "RfmGraph")).Select(t => $"type {t}");
        return [.. assemblies.Concat(types).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Full names of the types this assembly references in other assemblies.</summary>
    public static IEnumerable<string> ReferencedTypes(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in reader.TypeReferences)
        {
            names.Add(FullName(reader, handle));
        }

        return names;
    }

    private static string FullName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        // A nested type's scope is its declaring type: its namespace is the outermost type's.
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static bool InNamespace(string typeName, string ns) =>
        typeName.StartsWith(ns + ".", StringComparison.Ordinal);

    private static string ModuleOf(string typeName) => Modules.First(m => InNamespace(typeName, m));
}
