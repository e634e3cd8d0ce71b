using System.Text;
using Microsoft.EntityFrameworkCore;

namespace RfmGraph.Platform.Database;

/// <summary>Maps EF Core properties to the snake_case columns every module's SQL schema uses.</summary>
public static class SnakeCaseColumns
{
    /// <summary>
    /// Names the column of every property configured so far after the property (<c>FirstOrderAt</c> →
    /// <c>first_order_at</c>). Call it last in <c>OnModelCreating</c>, after all entities are declared.
    /// </summary>
    public static ModelBuilder UseSnakeCaseColumns(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }

        return modelBuilder;
    }

    /// <summary><c>CustomerId</c> → <c>customer_id</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
