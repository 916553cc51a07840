//! Zed starts a language server only when an extension names its command: this one runs
//! `argmap lsp` for YAML files. `lsp.argmap.binary` in Zed's settings names another command or
//! arguments, and `lsp.argmap.initialization_options` is sent to the server as they are.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Argmap;

impl zed::Extension for Argmap {
    fn new() -> Self {
        Argmap
    }

    fn language_server_command(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let command = binary
            .as_ref()
            .and_then(|binary| binary.path.clone())
            .or_else(|| worktree.which("argmap"))
            .ok_or_else(|| {
                "argmap is not on the PATH: install it (pip install argmap) or set lsp.argmap.binary.path"
                    .to_string()
            })?;
        let args = binary
            .and_then(|binary| binary.arguments)
            .unwrap_or_else(|| vec!["lsp".to_string()]);
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }

    fn language_server_initialization_options(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.initialization_options))
    }
}

zed::register_extension!(Argmap);
