using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using RfmGraph.GraphQL.Types;

namespace RfmGraph.GraphQL.Data.Model;

/// <summary>Builds and caches the <see cref="DataTypeModel"/> of each CLR type used by a schema's data fields.</summary>
internal sealed class DataModelRegistry(SchemaBuilder schema)
{
    private readonly Dictionary<Type, DataTypeConfiguration> _configurations = [];
    private readonly Dictionary<Type, DataTypeModel> _models = [];
    private static readonly ConcurrentDictionary<PropertyInfo, bool> Nullability = new();

    public DataTypeConfiguration Configure(Type type)
    {
        if (_models.ContainsKey(type))
        {
            throw new InvalidOperationException($"Configure {type.Name} with AddDataType before a field uses it.");
        }
        if (!_configurations.TryGetValue(type, out var configuration))
        {
            _configurations[type] = configuration = new DataTypeConfiguration();
        }
        return configuration;
    }

    public DataTypeModel Get(Type type)
    {
        if (_models.TryGetValue(type, out var model))
        {
            return model;
        }
        var configuration = _configurations.GetValueOrDefault(type) ?? new DataTypeConfiguration();
        var name = configuration.Name ?? schema.GraphQLNameOf(type) ?? type.Name;
        var members = new List<DataMember>();
        var key = configuration.Key.Count > 0
            ? configuration.Key.ToList()
            : type.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance) is { } id ? [id] : [];
        model = new DataTypeModel(type, name, members, key);
        // Registered before the members are read so that recursive types (Category.Parent) terminate.
        _models[type] = model;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is null || property.GetIndexParameters().Length > 0 || configuration.Ignored.Contains(property))
            {
                continue;
            }
            var kind = KindOf(property.PropertyType);
            if (kind is null)
            {
                continue;
            }
            var memberName = configuration.Renamed.GetValueOrDefault(property) ?? SchemaBuilder.ToFieldName(property.Name);
            var nested = kind == DataFieldKind.Object ? property.PropertyType : null;
            members.Add(new DataMember(memberName, property, kind.Value, IsNullableProperty(property))
            {
                Nested = nested is null ? null : () => Get(nested),
            });
        }
        return model;
    }

    /// <summary>Nullable value type, or a reference not annotated as non-null (NullabilityInfoContext is not thread-safe: one per call, cached).</summary>
    public static bool IsNullableProperty(PropertyInfo property) => Nullability.GetOrAdd(property, static p =>
        p.PropertyType.IsValueType
            ? Nullable.GetUnderlyingType(p.PropertyType) is not null
            : new NullabilityInfoContext().Create(p).ReadState != NullabilityState.NotNull);

    internal static DataFieldKind? KindOf(Type declared)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type.IsEnum)
        {
            return DataFieldKind.Enum;
        }
        return type switch
        {
            _ when type == typeof(string) => DataFieldKind.String,
            _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) => DataFieldKind.Int,
            _ when type == typeof(long) => DataFieldKind.Long,
            _ when type == typeof(decimal) => DataFieldKind.Decimal,
            _ when type == typeof(double) || type == typeof(float) => DataFieldKind.Float,
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => DataFieldKind.DateTime,
            _ when type == typeof(DateOnly) => DataFieldKind.Date,
            _ when type == typeof(bool) => DataFieldKind.Boolean,
            _ when type == typeof(Guid) => DataFieldKind.Uuid,
            // Nested objects (references, owned types); collections are left to DataLoaders.
            _ when type.IsClass && !typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(object) => DataFieldKind.Object,
            _ => null,
        };
    }
}
