namespace Harness.Abstractions.Plugins;

/// <summary>The value type of a plugin parameter.</summary>
public enum ParameterType
{
    /// <summary>A 32-bit integer (<see cref="int"/>).</summary>
    Int,

    /// <summary>A double-precision number (<see cref="double"/>).</summary>
    Float,

    /// <summary>true or false (<see cref="bool"/>).</summary>
    Bool,

    /// <summary>Free text (<see cref="string"/>).</summary>
    String,

    /// <summary>One of a fixed set of strings (<see cref="ParameterSpec.Choices"/>).</summary>
    Choice,
}
