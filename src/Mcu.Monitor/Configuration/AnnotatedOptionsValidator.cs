using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Mcu.Monitor.Configuration;

/// <summary>
/// Validates an options object and everything under it (nested objects, lists, dictionaries) with its
/// DataAnnotations, then with cross-field <paramref name="rules"/>, and reports every problem at once
/// with its full configuration key and value: <c>Pipeline:BatchSize = '0': must be between 1 and 100000</c>.
/// </summary>
public sealed class AnnotatedOptionsValidator<TOptions>(string sectionName, Func<TOptions, IEnumerable<string>>? rules = null)
    : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = new List<string>();
        Collect(options, sectionName, errors);
        if (rules is not null)
        {
            errors.AddRange(rules(options));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Collect(object options, string path, List<string> errors)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = $"{path}:{property.Name}";
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                var result = attribute.GetValidationResult(value, context);
                if (result != ValidationResult.Success)
                {
                    errors.Add($"{key} = '{(SecretMasking.IsSecretKey(property.Name) ? "***" : Show(value))}': {Describe(attribute, result)}");
                }
            }

            switch (value)
            {
                case null or string or ValueType:
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (entry.Value is not null and not string and not ValueType)
                        {
                            Collect(entry.Value, $"{key}:{entry.Key}", errors);
                        }
                    }

                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (item is not null and not string and not ValueType)
                        {
                            Collect(item, $"{key}:{index}", errors);
                        }

                        index++;
                    }

                    break;
                default:
                    Collect(value, key, errors);
                    break;
            }
        }
    }

    private static string Describe(ValidationAttribute attribute, ValidationResult? result) => attribute switch
    {
        RequiredAttribute => "is required",
        RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"must be between {range.Minimum} and {range.Maximum}"),
        RegularExpressionAttribute regex when regex.ErrorMessage is null => $"must match {regex.Pattern}",
        _ => result?.ErrorMessage ?? "is invalid",
    };

    private static string Show(object? value) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
