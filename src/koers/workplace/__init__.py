"""The staff's working pages that compose the programmes: dashboard, client list, client file, search."""
