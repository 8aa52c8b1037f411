for i in range(4):
    move()
    turn_left()
