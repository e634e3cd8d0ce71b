using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace RfmGraph.Platform.Configuration;

/// <summary>
/// Validates an options class from its data annotations, with one message per bad setting that
/// names the setting, its environment variable and the value given — e.g.
/// <c>Jobs:MaxConcurrency (RFMGRAPH__JOBS__MAXCONCURRENCY) must be between 1 and 64; got 0.</c>
/// </summary>
public sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(options);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.IsValid(value))
                {
                    continue;
                }

                var setting = $"{section}:{property.Name}";
                var environment = "RFMGRAPH__" + setting.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
                failures.Add($"{setting} ({environment}) {Describe(attribute, value)}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Describe(ValidationAttribute attribute, object? value)
    {
        var given = value is null or "" ? "nothing" : $"'{Convert.ToString(value, CultureInfo.InvariantCulture)}'";
        return attribute switch
        {
            RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"must be between {range.Minimum} and {range.Maximum}; got {given}."),
            RequiredAttribute => "is required.",
            RegularExpressionAttribute when attribute.ErrorMessage is not null => $"{attribute.ErrorMessage} Got {given}.",
            _ => $"is not valid ({attribute.FormatErrorMessage("value")}); got {given}.",
        };
    }
}

/// <summary>Binding plus <see cref="SettingsValidator{TOptions}"/>, checked when the Host starts.</summary>
public static class SettingsOptionsBuilderExtensions
{
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this OptionsBuilder<TOptions> builder, IConfiguration configuration, string section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Bind(configuration.GetSection(section)).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>>(new SettingsValidator<TOptions>(section)));
        return builder;
    }
}
