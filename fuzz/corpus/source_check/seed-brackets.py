print((1 + 2)
move()
