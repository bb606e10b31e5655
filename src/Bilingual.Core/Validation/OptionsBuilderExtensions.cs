using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bilingual.Core.Validation;

/// <summary>How every stage validates its options.</summary>
internal static class OptionsBuilderExtensions
{
    /// <summary>
    /// Validates the options with <typeparamref name="TValidator"/>, an <see cref="OptionsValidatorAttribute"/>
    /// validator: the options' validation attributes and their own <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>
    /// checks, in code generated at build time. It does what <c>ValidateDataAnnotations</c> does without reflecting over the
    /// options, so the worker can be compiled ahead of time. Registering twice adds one validator.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateWith<TOptions, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return builder;
    }
}
