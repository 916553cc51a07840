// The argmap extension: starts `argmap lsp` over stdio for the YAML files that are argument maps.
// Everything an editor shows (diagnostics, hover, definitions, rename, quick fixes) comes from the
// server; this client only says which files are maps and how to start it.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

/** The documents the server serves: YAML files matching the patterns, or every YAML file if asked. */
function documentSelector(settings) {
  if (settings.get("allYamlFiles", false)) {
    return [{ scheme: "file", language: "yaml" }, { scheme: "untitled", language: "yaml" }];
  }
  return settings.get("filePatterns", []).map((pattern) => ({ language: "yaml", pattern }));
}

async function start() {
  const settings = vscode.workspace.getConfiguration("argmap");
  const command = settings.get("path", "argmap") || "argmap";
  const server = { command, args: ["lsp"], transport: TransportKind.stdio };
  const options = {
    documentSelector: documentSelector(settings),
    // A change to the settings files or to a source text re-checks the open maps.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{argmap.toml,pyproject.toml}") },
    initializationOptions: { allYamlFiles: settings.get("allYamlFiles", false) },
  };
  client = new LanguageClient("argmap", "argmap", server, options);
  try {
    await client.start();
  } catch (error) {
    const message = `argmap: could not start "${command} lsp" (${error.message || error}). Set "argmap.path" to the argmap command.`;
    vscode.window.showErrorMessage(message);
  }
}

async function stop() {
  if (client) {
    const running = client;
    client = undefined;
    await running.stop().catch(() => undefined);
  }
}

async function restart() {
  await stop();
  await start();
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("argmap.restartServer", restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (["argmap.path", "argmap.filePatterns", "argmap.allYamlFiles"].some((key) => event.affectsConfiguration(key))) {
        return restart();
      }
      return undefined;
    }),
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate, documentSelector };
