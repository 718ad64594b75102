"""The words of the explanations, written separately in English and in Vietnamese.

Each language is its own text, not a translation of the other sentence by sentence: the
Vietnamese uses the terms Vietnamese courses use (lan truyền tiến, độ lỗi δ, hàm mất mát,
tốc độ học...). Values are filled in with str.format.
"""

from __future__ import annotations

from bpstudio.notation.languages import CODES

EN: dict[str, str] = {
    "doc_title": "Backpropagation worked out, phase by phase",
    "doc_intro": (
        "Every number below comes from BP Studio's engine (float64) and is rounded to 6 decimals. "
        "Each step runs three phases: feedforward, the backward pass that finds the error terms δ "
        "and the gradients, and the parameter update."
    ),
    "scope_one": "Step {first}, written in English.",
    "scope_many": "Steps {first} to {last}, written in English.",
    "step_title": "Step {step} (epoch {epoch})",
    "file_step": "step-{first}",  # the end of an export's suggested file name
    "file_steps": "steps-{first}-{last}",
    "file_network": "network",
    "network_title": "The network",
    "sizes": "Neurons per layer: {sizes}",
    "layer_line": "Layer {layer} ({kind}): {neurons}, activation {act}",
    "with_bn": ", with batch normalisation",
    "loss_line": "Loss of one sample: ",
    "optimizer_line": "Optimizer: ",
    "batch_line": "Batch size m = {m}, from a dataset of {size}",
    "neurons_1": "1 neuron",
    "neurons_n": "{n} neurons",
    "samples_1": "1 sample",
    "samples_n": "{n} samples",
    "shuffled": " (shuffled each epoch)",
    "start_params": "Parameters at the start (row j holds the weights into neuron j):",
    "layer_params": "Layer {layer} ({kind}):",
    "kind_input": "input",
    "kind_hidden": "hidden",
    "kind_output": "output",
    "act_sigmoid": "sigmoid",
    "act_tanh": "tanh",
    "act_relu": "ReLU",
    "act_leaky_relu": "leaky ReLU",
    "act_elu": "ELU",
    "act_linear": "linear",
    "act_softmax": "softmax",
    "slope": "slope",
    "loss_half_sse": "half the sum of squared errors,",
    "loss_mse": "mean squared error,",
    "loss_huber": "Huber loss (threshold 1),",
    "loss_binary_cross_entropy": "binary cross-entropy,",
    "loss_cross_entropy": "cross-entropy,",
    "opt_sgd": "plain gradient descent (SGD)",
    "opt_momentum": "SGD with momentum",
    "opt_nesterov": "SGD with Nesterov momentum",
    "opt_adam": "Adam",
    "sample": "sample",
    "layer_word": "layer",
    "neuron_word": "neuron j",
    "parameter": "parameter",
    "old_value": "before",
    "new_value": "after",
    "shown_of": "Only the first {shown} of {total} {what} are written out here.",
    "more_compact": "… and {items}.",
    "compact_intro": (
        "This network is large, so each layer's formulas are worked out for its first {neurons} "
        "neurons only. Every value can be read in the Parameters dock and in the canvas tooltips."
    ),
    "more_item": "{more} more {what}",
    "more_join": " and ",
    "what_neurons": "neurons",
    "what_inputs": "inputs",
    "if_word": "if",
    "otherwise_word": "otherwise",
    "terms_cut": "Each neuron sums {n} products; the middle ones are left out as ⋯.",
    # phase 1
    "ff_title": "Phase 1: feedforward",
    "ff_intro": (
        "The signal moves from left to right. Every neuron multiplies the outputs of the previous "
        "layer by its weights, adds them up with its bias to get z, and passes z through its "
        "activation function to get its output a."
    ),
    "ff_batch_one": "This step uses sample {sample}:",
    "ff_batch_many": (
        "This step uses a mini-batch of m = {m} samples. The formulas are worked out for sample "
        "{sample}, the first one of the batch; the tables give the values for every sample."
    ),
    "ff_batch_many_compact": (
        "This step uses a mini-batch of m = {m} samples. The formulas are worked out for sample "
        "{sample}, the first one of the batch."
    ),
    "layer_title": "Layer {layer} ({kind}, {neurons}, {act})",
    "ff_input_is_x": "For the first layer, the previous layer's output is the input itself: a⁽⁰⁾ = x.",
    "table_per_sample": "The same quantities for every sample of the batch:",
    "loss_title": "Loss and cost",
    "loss_intro_half_sse": "The loss compares the prediction ŷ with the target y: half the squared difference.",
    "loss_intro_mse": "The loss is the mean of the squared differences between the targets and the predictions.",
    "loss_intro_huber": (
        "The Huber loss is half the squared error while a prediction is within 1 of its target and grows "
        "only linearly beyond, so that one far-off output does not dominate; it is averaged over the outputs."
    ),
    "loss_intro_binary_cross_entropy": (
        "The loss is the binary cross-entropy: it punishes a confident prediction on the wrong side hard."
    ),
    "loss_intro_cross_entropy": (
        "The loss is the cross-entropy between the target distribution y and the softmax output ŷ."
    ),
    "cost_one": "With a single sample in the batch, the cost J is simply that sample's loss.",
    "loss_first": "For sample {sample}:",
    "cost_many": "The cost J averages the losses of the {m} samples; that 1/m carries over into every gradient.",
    # phase 2
    "bw_title": "Phase 2: error terms δ and gradients (backward pass)",
    "bw_intro": (
        "Now the pass runs from right to left. δ of a neuron is the derivative of the loss with "
        "respect to its z: how much the loss would change if that z moved a little. The chain rule "
        "gives δ for the output layer first and then for each earlier layer from the one after it."
    ),
    "bw_batch_many": "The δ formulas are worked out for sample {sample}; the tables list every sample.",
    "bw_batch_many_compact": "The δ formulas are worked out for sample {sample}, the first one of the batch.",
    "delta_out_title": "Error term δ of the output layer (layer {layer})",
    "delta_out_half_sse": (
        "For L = ½(y − ŷ)² the derivative with respect to ŷ is ŷ − y; the chain rule multiplies it "
        "by the slope of the activation at z."
    ),
    "delta_out_mse": (
        "For the mean squared error over n = {n} outputs, ∂L/∂ŷₖ = (2/n)(ŷₖ − yₖ); the chain rule "
        "multiplies it by the slope of the activation at z."
    ),
    "delta_out_huber": (
        "For the Huber loss over n = {n} outputs, ∂L/∂ŷₖ is (ŷₖ − yₖ)/n clipped to [−1/n, 1/n]; the chain "
        "rule multiplies it by the slope of the activation at z."
    ),
    "delta_out_binary_cross_entropy": (
        "With a sigmoid output and binary cross-entropy, the slope of the sigmoid cancels out and "
        "δ is simply the difference between prediction and target (divided by the number of outputs)."
    ),
    "delta_out_cross_entropy": (
        "With a softmax output and cross-entropy, the softmax Jacobian and the logarithm cancel out "
        "and δ is the difference between the predicted and the target distribution."
    ),
    "delta_hidden_title": "Error terms δ of hidden layer {layer}",
    "delta_hidden_intro": (
        "Each neuron collects the δ of layer {up}, weighted by the weight that links it to each of "
        "those neurons, and multiplies the sum by the slope of its own activation."
    ),
    "bn_backward_intro": (
        "Batch normalisation sits between z and the activation, so δ̃ above is the error term of "
        "z̃ = γẑ + β. It gives the gradients of γ and β, and then crosses the normalisation back to z "
        "(every sample of the batch shares μ and σ², hence the two correction terms):"
    ),
    "grad_title": "Gradients of layer {layer} ({kind})",
    "grad_intro_one": (
        "A weight's gradient is the δ of the neuron it enters times the activation it carries; a "
        "bias's gradient is just the δ of its neuron."
    ),
    "grad_intro_many": (
        "With m = {m} samples, each gradient is the average over the batch of the per-sample "
        "products δ · a (and of δ for a bias)."
    ),
    # phase 3
    "up_title": "Phase 3: parameter update",
    "up_intro_sgd": "Gradient descent moves every parameter a small step against its gradient; the learning rate α sets the step size.",
    "up_intro_momentum": (
        "Momentum keeps a velocity v for every parameter, a running sum of past gradients, and moves "
        "the parameter along it; steps that keep the same direction grow, oscillations cancel."
    ),
    "up_intro_nesterov": (
        "Nesterov momentum keeps a velocity v like momentum, but steps along the gradient plus the "
        "updated velocity, i.e. it looks one step ahead (PyTorch's formulation)."
    ),
    "up_intro_adam": (
        "Adam keeps two running averages per parameter, m of the gradients and v of their squares, "
        "corrects their bias towards zero at the start, and divides the step by √v̂ so that every "
        "parameter gets its own step size."
    ),
    "settings": "Settings (α is the learning rate): ",
    "clip_label": "clip norm",
    "adam_t": "This is update number t = {t}.",
    "clip_intro": (
        "Gradient clipping first measures the length of the whole gradient vector and scales it down "
        "when it is longer than the limit:"
    ),
    "decay_intro": "L2 weight decay adds λW to the gradient of every weight (biases, γ and β are left alone):",
    "other_params": "b,γ,β",
    "clip_applied": "The gradient was longer than the limit, so it is scaled by c < 1.",
    "clip_not_needed": "The gradient is within the limit, so c = 1 and nothing changes.",
    "up_layer_title": "Layer {layer} ({kind}): old → new",
    "running_intro": (
        "Batch normalisation also updates its running mean and variance, which replace the batch "
        "statistics when the trained network is used:"
    ),
}

VI: dict[str, str] = {
    "doc_title": "Lan truyền ngược tính tay, từng pha một",
    "doc_intro": (
        "Mọi con số dưới đây do bộ tính toán của BP Studio tạo ra (float64) và được làm tròn đến 6 "
        "chữ số thập phân. Mỗi bước huấn luyện có ba pha: lan truyền tiến, lan truyền ngược để tìm "
        "độ lỗi δ và gradient, rồi cập nhật tham số."
    ),
    "scope_one": "Bước {first}, viết bằng tiếng Việt.",
    "scope_many": "Các bước từ {first} đến {last}, viết bằng tiếng Việt.",
    "step_title": "Bước {step} (lượt {epoch})",
    "file_step": "bước-{first}",
    "file_steps": "các-bước-{first}-{last}",
    "file_network": "mạng",
    "network_title": "Mạng nơ-ron",
    "sizes": "Số nơ-ron mỗi lớp: {sizes}",
    "layer_line": "Lớp {layer} ({kind}): {neurons}, hàm kích hoạt {act}",
    "with_bn": ", có chuẩn hoá theo lô (batch normalization)",
    "loss_line": "Hàm mất mát của một mẫu: ",
    "optimizer_line": "Thuật toán tối ưu: ",
    "batch_line": "Kích thước lô m = {m}, lấy từ tập dữ liệu gồm {size}",
    "neurons_1": "1 nơ-ron",
    "neurons_n": "{n} nơ-ron",
    "samples_1": "1 mẫu",
    "samples_n": "{n} mẫu",
    "shuffled": " (xáo trộn lại sau mỗi lượt)",
    "start_params": "Tham số ban đầu (hàng j chứa các trọng số đi vào nơ-ron j):",
    "layer_params": "Lớp {layer} ({kind}):",
    "kind_input": "lớp vào",
    "kind_hidden": "lớp ẩn",
    "kind_output": "lớp ra",
    "act_sigmoid": "sigmoid",
    "act_tanh": "tanh",
    "act_relu": "ReLU",
    "act_leaky_relu": "leaky ReLU",
    "act_elu": "ELU",
    "act_linear": "tuyến tính",
    "act_softmax": "softmax",
    "slope": "hệ số góc",
    "loss_half_sse": "một nửa tổng bình phương sai số,",
    "loss_mse": "trung bình bình phương sai số (MSE),",
    "loss_huber": "hàm mất mát Huber (ngưỡng 1),",
    "loss_binary_cross_entropy": "entropy chéo nhị phân,",
    "loss_cross_entropy": "entropy chéo,",
    "opt_sgd": "hạ gradient thông thường (SGD)",
    "opt_momentum": "SGD có quán tính (momentum)",
    "opt_nesterov": "SGD với quán tính Nesterov",
    "opt_adam": "Adam",
    "sample": "mẫu",
    "layer_word": "lớp",
    "neuron_word": "nơ-ron j",
    "parameter": "tham số",
    "old_value": "trước",
    "new_value": "sau",
    "shown_of": "Ở đây chỉ viết ra {shown} trong số {total} {what} đầu tiên.",
    "more_compact": "… và {items} nữa.",
    "compact_intro": (
        "Mạng này lớn nên công thức của mỗi lớp chỉ được tính cụ thể cho {neurons} nơ-ron đầu tiên. "
        "Mọi giá trị đều xem được trong bảng Tham số và trong chú thích hiện ra khi rê chuột trên sơ đồ mạng."
    ),
    "more_item": "{more} {what}",
    "more_join": ", ",
    "what_neurons": "nơ-ron",
    "what_inputs": "đầu vào",
    "if_word": "nếu",
    "otherwise_word": "trong trường hợp còn lại",
    "terms_cut": "Mỗi nơ-ron cộng {n} tích; các tích ở giữa được lược đi và thay bằng ⋯.",
    # pha 1
    "ff_title": "Pha 1: lan truyền tiến",
    "ff_intro": (
        "Tín hiệu đi từ trái sang phải. Mỗi nơ-ron nhân đầu ra của lớp trước với trọng số của nó, "
        "cộng các tích lại cùng với bias để được z, rồi cho z đi qua hàm kích hoạt để có đầu ra a."
    ),
    "ff_batch_one": "Bước này dùng mẫu số {sample}:",
    "ff_batch_many": (
        "Bước này dùng một mini-batch gồm m = {m} mẫu. Các công thức được thay số cho mẫu {sample} "
        "(mẫu đầu tiên của lô); các bảng ghi giá trị của từng mẫu."
    ),
    "ff_batch_many_compact": (
        "Bước này dùng một mini-batch gồm m = {m} mẫu. Các công thức được thay số cho mẫu {sample} "
        "(mẫu đầu tiên của lô)."
    ),
    "layer_title": "Lớp {layer} ({kind}, {neurons}, {act})",
    "ff_input_is_x": "Với lớp thứ nhất, đầu ra của “lớp trước” chính là dữ liệu vào: a⁽⁰⁾ = x.",
    "table_per_sample": "Các đại lượng trên, cho từng mẫu trong lô:",
    "loss_title": "Hàm mất mát và hàm chi phí",
    "loss_intro_half_sse": "Hàm mất mát so dự đoán ŷ với giá trị đích y: lấy một nửa bình phương độ chênh lệch.",
    "loss_intro_mse": "Hàm mất mát là trung bình các bình phương độ chênh giữa giá trị đích và dự đoán.",
    "loss_intro_huber": (
        "Hàm mất mát Huber bằng một nửa bình phương sai số khi dự đoán lệch khỏi giá trị đích không quá 1, "
        "và chỉ tăng tuyến tính khi lệch xa hơn, để một đầu ra sai nhiều không lấn át phần còn lại; "
        "sau đó lấy trung bình trên các đầu ra."
    ),
    "loss_intro_binary_cross_entropy": (
        "Hàm mất mát là entropy chéo nhị phân: dự đoán càng tự tin mà sai thì bị phạt càng nặng."
    ),
    "loss_intro_cross_entropy": "Hàm mất mát là entropy chéo giữa phân phối đích y và đầu ra softmax ŷ.",
    "cost_one": "Lô chỉ có một mẫu nên hàm chi phí J bằng đúng mất mát của mẫu đó.",
    "loss_first": "Với mẫu {sample}:",
    "cost_many": (
        "Hàm chi phí J là trung bình mất mát của {m} mẫu; hệ số 1/m này sẽ đi theo vào mọi gradient."
    ),
    # pha 2
    "bw_title": "Pha 2: độ lỗi δ và gradient (lan truyền ngược)",
    "bw_intro": (
        "Giờ ta đi ngược từ phải sang trái. Độ lỗi δ của một nơ-ron là đạo hàm của hàm mất mát theo "
        "z của nơ-ron đó, tức là mất mát sẽ thay đổi bao nhiêu khi z nhích đi một chút. Nhờ quy tắc "
        "chuỗi, ta tính δ ở lớp ra trước, rồi suy ra δ của mỗi lớp phía trước từ lớp ngay sau nó."
    ),
    "bw_batch_many": "Các công thức δ được thay số cho mẫu {sample}; các bảng liệt kê mọi mẫu.",
    "bw_batch_many_compact": "Các công thức δ được thay số cho mẫu {sample}, mẫu đầu tiên của lô.",
    "delta_out_title": "Độ lỗi δ ở lớp ra (lớp {layer})",
    "delta_out_half_sse": (
        "Với L = ½(y − ŷ)², đạo hàm theo ŷ là ŷ − y; theo quy tắc chuỗi, ta nhân nó với đạo hàm "
        "của hàm kích hoạt tại z."
    ),
    "delta_out_mse": (
        "Với MSE trên n = {n} đầu ra, ∂L/∂ŷₖ = (2/n)(ŷₖ − yₖ); theo quy tắc chuỗi, ta nhân nó với "
        "đạo hàm của hàm kích hoạt tại z."
    ),
    "delta_out_huber": (
        "Với hàm mất mát Huber trên n = {n} đầu ra, ∂L/∂ŷₖ bằng (ŷₖ − yₖ)/n bị chặn trong đoạn [−1/n, 1/n]; "
        "theo quy tắc chuỗi, ta nhân nó với đạo hàm của hàm kích hoạt tại z."
    ),
    "delta_out_binary_cross_entropy": (
        "Khi lớp ra dùng sigmoid và hàm mất mát là entropy chéo nhị phân, đạo hàm của sigmoid triệt "
        "tiêu và δ chỉ còn là hiệu giữa dự đoán và giá trị đích (chia cho số đầu ra)."
    ),
    "delta_out_cross_entropy": (
        "Khi lớp ra dùng softmax cùng entropy chéo, ma trận Jacobi của softmax và hàm log triệt tiêu "
        "lẫn nhau, nên δ là hiệu giữa phân phối dự đoán và phân phối đích."
    ),
    "delta_hidden_title": "Độ lỗi δ ở lớp ẩn {layer}",
    "delta_hidden_intro": (
        "Mỗi nơ-ron gom các δ của lớp {up}, mỗi δ nhân với trọng số nối nơ-ron này tới nơ-ron tương "
        "ứng, rồi nhân tổng đó với đạo hàm hàm kích hoạt của chính nó."
    ),
    "bn_backward_intro": (
        "Lớp chuẩn hoá theo lô nằm giữa z và hàm kích hoạt, nên δ̃ ở trên là độ lỗi của "
        "z̃ = γẑ + β. Từ δ̃ ta có gradient của γ và β, rồi đi ngược qua phép chuẩn hoá để về z "
        "(mọi mẫu trong lô dùng chung μ và σ², vì thế có thêm hai số hạng hiệu chỉnh):"
    ),
    "grad_title": "Gradient của lớp {layer} ({kind})",
    "grad_intro_one": (
        "Gradient của một trọng số bằng δ của nơ-ron mà nó đi vào nhân với giá trị kích hoạt mà nó "
        "mang tới; gradient của bias chính là δ của nơ-ron đó."
    ),
    "grad_intro_many": (
        "Với m = {m} mẫu, mỗi gradient là trung bình trên cả lô của các tích δ · a của từng mẫu "
        "(với bias thì là trung bình của δ)."
    ),
    # pha 3
    "up_title": "Pha 3: cập nhật tham số",
    "up_intro_sgd": (
        "Hạ gradient dịch mỗi tham số một bước nhỏ ngược chiều gradient của nó; tốc độ học α quyết "
        "định bước dài hay ngắn."
    ),
    "up_intro_momentum": (
        "Phương pháp quán tính giữ cho mỗi tham số một vận tốc v, là tổng dồn các gradient trước đó, "
        "và dịch tham số theo v; những bước cùng hướng được cộng dồn, còn dao động thì tự triệt tiêu."
    ),
    "up_intro_nesterov": (
        "Quán tính Nesterov cũng giữ vận tốc v, nhưng bước đi theo gradient cộng với vận tốc mới, "
        "tức là “nhìn trước” một bước (theo cách viết của PyTorch)."
    ),
    "up_intro_adam": (
        "Adam giữ hai trung bình trượt cho mỗi tham số, m của gradient và v của bình phương gradient, "
        "hiệu chỉnh độ lệch về 0 của chúng ở những bước đầu, rồi chia bước đi cho √v̂ để mỗi tham số "
        "có bước đi riêng."
    ),
    "settings": "Thiết lập (α là tốc độ học): ",
    "clip_label": "ngưỡng cắt",
    "adam_t": "Đây là lần cập nhật thứ t = {t}.",
    "clip_intro": (
        "Cắt gradient (gradient clipping) đo độ dài của toàn bộ vectơ gradient trước, rồi thu nhỏ nó "
        "lại nếu nó dài hơn ngưỡng:"
    ),
    "decay_intro": (
        "Suy giảm trọng số L2 (weight decay) cộng thêm λW vào gradient của mọi trọng số "
        "(bias, γ và β giữ nguyên):"
    ),
    "other_params": "b,γ,β",
    "clip_applied": "Gradient dài hơn ngưỡng nên được nhân với hệ số c < 1.",
    "clip_not_needed": "Gradient chưa vượt ngưỡng nên c = 1, không có gì thay đổi.",
    "up_layer_title": "Lớp {layer} ({kind}): cũ → mới",
    "running_intro": (
        "Lớp chuẩn hoá theo lô cũng cập nhật trung bình và phương sai trượt; khi dùng mạng đã huấn "
        "luyện, chúng thay cho thống kê của lô:"
    ),
}

# One table per language of notation.languages (a test checks that none is missing).
_TABLES = {"en": EN, "vi": VI}


def get(lang: str) -> dict[str, str]:
    """The words of one language; an unknown language is refused by name."""
    try:
        return _TABLES[lang]
    except KeyError:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(CODES)}") from None
