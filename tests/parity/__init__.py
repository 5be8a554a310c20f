"""The parity corpus: each app in apps/ run on Dash and on propwire in Chromium, and headless (README.md)."""
