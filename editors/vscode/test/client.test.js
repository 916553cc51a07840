// The client without VS Code: `vscode` and `vscode-languageclient/node` are stand-ins that record
// what the extension asks of them, so this runs with `node --test` and nothing installed.
"use strict";

const assert = require("node:assert/strict");
const Module = require("node:module");
const path = require("node:path");
const { test } = require("node:test");

function load(settings) {
  const started = [];
  const registered = {};
  const vscode = {
    workspace: {
      getConfiguration: (section) => {
        assert.equal(section, "argmap");
        return { get: (key, fallback) => (key in settings ? settings[key] : fallback) };
      },
      createFileSystemWatcher: (glob) => ({ glob }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    commands: {
      registerCommand: (name, callback) => {
        registered[name] = callback;
        return { dispose() {} };
      },
    },
    window: { showErrorMessage: (message) => started.push({ error: message }) },
  };
  class LanguageClient {
    constructor(id, name, server, options) {
      Object.assign(this, { id, name, server, options });
      started.push(this);
    }
    start() {
      return settings.fail ? Promise.reject(new Error("spawn argmap ENOENT")) : Promise.resolve();
    }
    stop() {
      this.stopped = true;
      return Promise.resolve();
    }
  }
  const languageclient = { LanguageClient, TransportKind: { stdio: 0 } };
  const original = Module._load;
  Module._load = function (request, ...rest) {
    if (request === "vscode") return vscode;
    if (request === "vscode-languageclient/node") return languageclient;
    return original.call(this, request, ...rest);
  };
  const file = path.join(__dirname, "..", "extension.js");
  delete require.cache[require.resolve(file)];
  try {
    return { extension: require(file), started, registered };
  } finally {
    Module._load = original;
  }
}

const context = () => ({ subscriptions: [] });
const defaults = { filePatterns: ["**/*.argmap.yaml", "**/*.argmap.yml"] };

test("starts `argmap lsp` over stdio for the map patterns", async () => {
  const { extension, started } = load(defaults);
  await extension.activate(context());
  const [client] = started;
  assert.deepEqual(client.server, { command: "argmap", args: ["lsp"], transport: 0 });
  assert.equal(client.id, "argmap");
  assert.deepEqual(client.options.documentSelector, [
    { language: "yaml", pattern: "**/*.argmap.yaml" },
    { language: "yaml", pattern: "**/*.argmap.yml" },
  ]);
  assert.equal(client.options.synchronize.fileEvents.glob, "**/{argmap.toml,pyproject.toml}");
});

test("runs the command the setting names, and every YAML file when asked", async () => {
  const { extension, started } = load({ ...defaults, path: "/project/.venv/bin/argmap", allYamlFiles: true });
  await extension.activate(context());
  assert.equal(started[0].server.command, "/project/.venv/bin/argmap");
  assert.deepEqual(started[0].server.args, ["lsp"]);
  assert.deepEqual(
    started[0].options.documentSelector.map((selector) => selector.language),
    ["yaml", "yaml"],
  );
});

test("a server that cannot start is a message naming the setting, not a crash", async () => {
  const { extension, started } = load({ ...defaults, path: "nowhere", fail: true });
  await extension.activate(context());
  assert.match(started[1].error, /could not start "nowhere lsp".*argmap\.path/);
});

test("the restart command stops the server and starts a new one", async () => {
  const { extension, started, registered } = load(defaults);
  await extension.activate(context());
  await registered["argmap.restartServer"]();
  assert.equal(started.length, 2);
  assert.equal(started[0].stopped, true);
  await extension.deactivate();
  assert.equal(started[1].stopped, true);
});
