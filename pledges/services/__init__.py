"""Write paths of the editor workflow: plain keyword-only functions the admin, commands and tests call."""
