move()
turn_left
