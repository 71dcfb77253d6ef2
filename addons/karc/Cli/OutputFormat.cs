namespace Addons.Karc.Cli;

/// <summary>The <c>-o/--output</c> formats of <c>karc status</c>.</summary>
internal enum OutputFormat
{
    Table,
    Wide,
    Json,
    Yaml,
}
