x = 1
if x = 3:
    move()
