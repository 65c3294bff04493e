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

    /// <summary>
    /// Names another plugin configuration as text, <c>id</c> or <c>id(name=value,...)</c>, of the kind
    /// <see cref="ParameterSpec.ReferencedKind"/> (for example a teacher reranker). The host creates (and, when
    /// trainable, trains) it, hashes its resolved configuration into the cell id and hands the instance to the plugin
    /// (for samplers: <see cref="NegativeSamplers.SamplerServices.Teacher"/>). An empty value means none.
    /// </summary>
    PluginReference,
}
