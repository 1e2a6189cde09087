"""The supervisee's preparation: reflections on prompt sets, the journal, and their tasks."""
