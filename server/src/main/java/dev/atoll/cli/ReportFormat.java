package dev.atoll.cli;

/** The formats every report command writes: GitLab Markdown, self-contained HTML, versioned JSON. */
enum ReportFormat { markdown, html, json }
