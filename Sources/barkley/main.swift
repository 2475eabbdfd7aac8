print("barkley")
